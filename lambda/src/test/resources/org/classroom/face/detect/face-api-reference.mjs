// Regenerates the reference outputs FaceApiAgreementTest checks the detectors against, by running
// face-api itself (the npm package the weights come from, on TF.js's CPU backend) on the same squares.
//   1. java ... org.classroom.face.detect.FaceApiReferenceInputs DIR      (writes DIR/<clip>_<size>.rgb)
//   2. tar xzf ~/.cache/classroom/npm/vladmandic-face-api-1.7.15.tgz -C DIR
//   3. node face-api-reference.mjs DIR MODELS_DIR OUT_DIR
// MODELS_DIR is lambda/target/generated-resources/face-api/models; OUT_DIR is this folder.
import fs from 'fs';
import path from 'path';

const [dir, models, out] = process.argv.slice(2);
const clips = ['test_0', 'test_5'];

// The bundle mistakes Node for a browser-less, node-less host unless it cannot see `process` while loading.
const realProcess = globalThis.process;
Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
const faceapi = await import(path.resolve(dir, 'package/dist/face-api.esm.js'));
Object.defineProperty(globalThis, 'process', { value: realProcess, configurable: true, writable: true });
const tf = faceapi.tf;
tf.env().setPlatform('reference', {
  fetch: (u, o) => fetch(u, o), now: () => performance.now(),
  encode: (s) => new TextEncoder().encode(s), decode: (b, e) => new TextDecoder(e).decode(b),
  isTypedArray: (a) => a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array,
});
class NoMedia {}
faceapi.env.setEnv({
  Canvas: NoMedia, CanvasRenderingContext2D: NoMedia, Image: NoMedia, ImageData: NoMedia, Video: NoMedia,
  createCanvasElement: () => ({}), createImageElement: () => ({}), fetch, readFile: () => { throw new Error('unused'); },
});
await tf.setBackend('cpu');
await tf.ready();

function weightMap(model) {
  const manifest = JSON.parse(fs.readFileSync(path.join(models, `${model}-weights_manifest.json`)));
  const data = Buffer.concat(manifest.flatMap((g) => g.paths).map((p) => fs.readFileSync(path.join(models, p))));
  return tf.io.decodeWeights(data.buffer.slice(data.byteOffset, data.byteOffset + data.length),
    manifest.flatMap((g) => g.weights));
}

const ssd = faceapi.nets.ssdMobilenetv1;
ssd.loadFromWeightMap(weightMap('ssd_mobilenetv1_model'));
const tiny = faceapi.nets.tinyFaceDetector;
tiny.loadFromWeightMap(weightMap('tiny_face_detector_model'));
const square = (clip, size) => tf.tensor3d(new Uint8Array(fs.readFileSync(path.join(dir, `${clip}_${size}.rgb`))),
  [size, size, 3], 'int32');
const header = `# face-api ${faceapi.version} (tfjs ${tf.version_core}, ${tf.getBackend()} backend)`;

for (const clip of clips) {
  const { boxes, scores } = ssd.forwardInput(await faceapi.toNetInput(square(clip, 512)));
  const s = scores[0].dataSync();
  const b = boxes[0].dataSync();
  const lines = [header, `# SSD MobileNet v1 on the 512 square of ${clip}.mp4's first frame: anchor, face score,`
    + ' then ymin xmin ymax xmax (0..1 of the square) where the score is above 0.1'];
  for (let i = 0; i < s.length; i++) {
    const box = s[i] > 0.1 ? ' ' + Array.from(b.slice(4 * i, 4 * i + 4)).map((v) => v.toPrecision(5)).join(' ') : '';
    lines.push(`${i} ${s[i].toPrecision(5)}${box}`);
  }
  fs.writeFileSync(path.join(out, `ssd-${clip}.txt`), lines.join('\n') + '\n');
}
for (const clip of clips) {
  const grid = tiny.forwardInput(await faceapi.toNetInput(square(clip, 416)), 416);
  const [, cells, , depth] = grid.shape;
  const v = grid.dataSync();
  const lines = [header, `# Tiny Face Detector raw output on the 416 square of ${clip}.mp4's first frame:`
    + ` ${cells}x${cells} cells, row by row; per cell ${depth} values (5 anchors x [x y w h score])`];
  for (let c = 0; c < cells * cells; c++) {
    lines.push(Array.from(v.slice(c * depth, (c + 1) * depth)).map((x) => x.toPrecision(5)).join(' '));
  }
  fs.writeFileSync(path.join(out, `tiny-${clip}.txt`), lines.join('\n') + '\n');
}
console.log(`wrote the reference outputs of ${clips.join(', ')} to ${out}`);
