/** Decodes an image served by the test server. */
export async function bitmapOf(path: string): Promise<ImageBitmap> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return createImageBitmap(await response.blob());
}

/**
 * A made-up identity card, 1000×630 on a grey table: a pale blue card with lines of "text"
 * and, when `portrait` is given, that photo scaled to `portraitWidth` of the card's width.
 */
export async function syntheticCard(portrait?: ImageBitmap, portraitWidth = 0.25): Promise<ImageBitmap> {
  const margin = 120;
  const card = { width: 1000, height: 630 };
  const canvas = new OffscreenCanvas(card.width + 2 * margin, card.height + 2 * margin);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#5a5a5a';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#cfe3f5';
  context.fillRect(margin, margin, card.width, card.height);
  context.fillStyle = '#a33';
  context.fillRect(margin, margin, card.width, 70);
  const photoWidth = card.width * portraitWidth;
  if (portrait) {
    context.drawImage(portrait, margin + 40, margin + 130, photoWidth, (photoWidth * portrait.height) / portrait.width);
  }
  context.fillStyle = '#234';
  for (let line = 0; line < 8; line++) {
    context.fillRect(margin + 80 + photoWidth, margin + 140 + line * 55, 520 - line * 25, 20);
  }
  return createImageBitmap(canvas);
}
