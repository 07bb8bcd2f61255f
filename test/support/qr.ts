/**
 * Reads a rendered `<pepay-qr>` as a phone camera would: its SVG drawn onto a canvas, decoded by a
 * real QR reader (jsQR, loaded as the classic script it ships as).
 */
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => {data: string} | null;

let reader: Promise<JsQr> | null = null;

function loadReader(): Promise<JsQr> {
  reader ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    script.onload = () => resolve((window as unknown as {jsQR: JsQr}).jsQR);
    script.onerror = () => reject(new Error('jsQR did not load'));
    document.head.append(script);
  });
  return reader;
}

/** The text encoded in the QR's drawing, or null when it does not decode. */
export async function decodeQr(svg: SVGSVGElement): Promise<string | null> {
  const decode = await loadReader();
  const size = 480;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(size));
  copy.setAttribute('height', String(size));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  return decode(context.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
}
