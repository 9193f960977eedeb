// Writes face-api-reference.json: what face-api itself (TF.js, CPU backend) answers for the landmark
// net and the descriptor net on fixed pseudo-random images. The Java tests rebuild the same images
// and check that our OpenCV graphs give the same numbers.
//   setup: npm pack @vladmandic/face-api@1.7.15 (untar as ./package), npm install @tensorflow/tfjs@4.22.0
//          @tensorflow/tfjs-backend-wasm@4.22.0
//   usage: node make-face-api-reference.cjs MODELS_DIR > face-api-reference.json
const fs = require('fs');
const faceapi = require('./package/dist/face-api.node-wasm.js');

// MINSTD: every product stays below 2^53, so JavaScript's doubles compute it exactly.
function image(height, width, seed) {
  const data = new Int32Array(height * width * 3);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (state * 48271) % 2147483647;
    data[i] = state % 256;
  }
  return faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
}

function weightMap(dir, model) {
  const manifest = JSON.parse(fs.readFileSync(`${dir}/${model}-weights_manifest.json`));
  const bytes = Buffer.concat(manifest[0].paths.map((p) => fs.readFileSync(`${dir}/${p}`)));
  const specs = manifest.flatMap((group) => group.weights);
  return faceapi.tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), specs);
}

(async () => {
  const dir = process.argv[2];
  await faceapi.tf.setBackend('cpu');
  await faceapi.tf.ready();
  const landmarkNet = new faceapi.FaceLandmark68Net();
  landmarkNet.loadFromWeightMap(weightMap(dir, 'face_landmark_68_model'));
  const recognitionNet = new faceapi.FaceRecognitionNet();
  recognitionNet.loadFromWeightMap(weightMap(dir, 'face_recognition_model'));

  const landmarkInput = { seed: 7, size: 112 };
  const landmarks = landmarkNet.runNet(await faceapi.toNetInput(image(112, 112, landmarkInput.seed)));
  // a face box that is not square and not 112: padded to a centred square and resized by face-api
  const paddedInput = { seed: 13, height: 180, width: 130 };
  const padded = await landmarkNet.detectLandmarks(image(paddedInput.height, paddedInput.width, paddedInput.seed));
  const descriptorInput = { seed: 11, size: 150 };
  const descriptor = recognitionNet.forwardInput(await faceapi.toNetInput(image(150, 150, descriptorInput.seed)));
  process.stdout.write(JSON.stringify({
    madeBy: `make-face-api-reference.cjs, @vladmandic/face-api ${faceapi.version}, tfjs ${faceapi.tf.version_core} cpu`,
    image: 'RGB, row-major HWC, value i = MINSTD state i % 256 (state = state * 48271 % 2147483647, from the seed)',
    landmarks: { ...landmarkInput, fractions: Array.from(landmarks.dataSync()) },
    paddedLandmarks: { ...paddedInput, pixels: padded.positions.flatMap((p) => [p.x, p.y]) },
    descriptor: { ...descriptorInput, values: Array.from(descriptor.dataSync()) },
  }, null, 1) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
