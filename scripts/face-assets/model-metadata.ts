import { Builder } from 'flatbuffers';

/** Field ids and union tags of the TFLite `metadata_schema.fbs` (file identifier `M001`) that this file writes. */
const MODEL_METADATA = { name: 0, description: 1, version: 2, subgraphMetadata: 3, license: 5, minParserVersion: 7 };
const SUBGRAPH_METADATA = { inputTensorMetadata: 2 };
const TENSOR_METADATA = { name: 0, content: 3, processUnits: 4 };
const CONTENT = { propertiesType: 0, properties: 1 };
const CONTENT_PROPERTIES_IMAGE = 2;
const IMAGE_PROPERTIES = { colorSpace: 0 };
const COLOR_SPACE_RGB = 1;
const PROCESS_UNIT = { optionsType: 0, options: 1 };
const PROCESS_UNIT_OPTIONS_NORMALIZATION = 1;
const NORMALIZATION_OPTIONS = { mean: 0, std: 1 };

/** What the one image input of a model expects. */
export interface ImageInputMetadata {
  modelName: string;
  description: string;
  license: string;
  /** Per-channel (or one shared) mean subtracted from 0–255 pixel values. */
  mean: readonly number[];
  /** Per-channel (or one shared) divisor applied after the mean. */
  std: readonly number[];
}

/**
 * Serialises a `ModelMetadata` flatbuffer describing a model with one RGB image input
 * normalised as `(pixel - mean) / std`: what MediaPipe's image tasks read from `TFLITE_METADATA`.
 */
export function buildImageInputMetadata(input: ImageInputMetadata): Uint8Array {
  const builder = new Builder(512);
  const floats = (values: readonly number[]): number => {
    builder.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) builder.addFloat32(values[i] ?? 0);
    return builder.endVector();
  };
  const offsets = (values: readonly number[]): number => {
    builder.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) builder.addOffset(values[i] ?? 0);
    return builder.endVector();
  };

  const mean = floats(input.mean);
  const std = floats(input.std);
  builder.startObject(2);
  builder.addFieldOffset(NORMALIZATION_OPTIONS.mean, mean, 0);
  builder.addFieldOffset(NORMALIZATION_OPTIONS.std, std, 0);
  const normalization = builder.endObject();

  builder.startObject(2);
  builder.addFieldInt8(PROCESS_UNIT.optionsType, PROCESS_UNIT_OPTIONS_NORMALIZATION, 0);
  builder.addFieldOffset(PROCESS_UNIT.options, normalization, 0);
  const processUnit = builder.endObject();

  builder.startObject(2);
  builder.addFieldInt8(IMAGE_PROPERTIES.colorSpace, COLOR_SPACE_RGB, 0);
  const imageProperties = builder.endObject();

  builder.startObject(3);
  builder.addFieldInt8(CONTENT.propertiesType, CONTENT_PROPERTIES_IMAGE, 0);
  builder.addFieldOffset(CONTENT.properties, imageProperties, 0);
  const content = builder.endObject();

  const tensorName = builder.createString('image');
  const processUnits = offsets([processUnit]);
  builder.startObject(7);
  builder.addFieldOffset(TENSOR_METADATA.name, tensorName, 0);
  builder.addFieldOffset(TENSOR_METADATA.content, content, 0);
  builder.addFieldOffset(TENSOR_METADATA.processUnits, processUnits, 0);
  const tensor = builder.endObject();

  const inputs = offsets([tensor]);
  builder.startObject(9);
  builder.addFieldOffset(SUBGRAPH_METADATA.inputTensorMetadata, inputs, 0);
  const subgraph = builder.endObject();

  const name = builder.createString(input.modelName);
  const description = builder.createString(input.description);
  const version = builder.createString('1');
  const license = builder.createString(input.license);
  const minParserVersion = builder.createString('1.0.0');
  const subgraphs = offsets([subgraph]);
  builder.startObject(8);
  builder.addFieldOffset(MODEL_METADATA.name, name, 0);
  builder.addFieldOffset(MODEL_METADATA.description, description, 0);
  builder.addFieldOffset(MODEL_METADATA.version, version, 0);
  builder.addFieldOffset(MODEL_METADATA.subgraphMetadata, subgraphs, 0);
  builder.addFieldOffset(MODEL_METADATA.license, license, 0);
  builder.addFieldOffset(MODEL_METADATA.minParserVersion, minParserVersion, 0);
  builder.finish(builder.endObject(), 'M001');
  return builder.asUint8Array().slice();
}
