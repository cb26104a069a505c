/** The planes of an I420 picture (Y, then U and V at half size) of RGBA `image`, cropped to even sides. */
export function rgbaToI420(image: { width: number; height: number; data: ArrayLike<number> }): {
  width: number;
  height: number;
  data: Uint8Array;
};
