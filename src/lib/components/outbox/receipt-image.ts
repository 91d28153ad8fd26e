/**
 * The code and PIN as a picture the citizen keeps in the phone's gallery (a screenshot they do
 * not have to know how to take). Drawn on a canvas: no library, nothing leaves the device.
 */
export interface ReceiptImageText {
	title: string;
	codeLabel: string;
	code: string;
	pinLabel: string;
	pin: string;
	track: string;
}

const WIDTH = 720;
const HEIGHT = 420;

/** A PNG of the receipt's numbers, or null where the browser cannot draw one. */
export function receiptImage(text: ReceiptImageText): Promise<Blob | null> {
	const canvas = document.createElement('canvas');
	canvas.width = WIDTH;
	canvas.height = HEIGHT;
	const g = canvas.getContext('2d');
	if (!g) return Promise.resolve(null);
	g.fillStyle = '#ffffff';
	g.fillRect(0, 0, WIDTH, HEIGHT);
	g.strokeStyle = '#1b6e3a';
	g.lineWidth = 12;
	g.strokeRect(6, 6, WIDTH - 12, HEIGHT - 12);
	g.fillStyle = '#111111';
	g.font = 'bold 34px sans-serif';
	g.fillText(text.title, 40, 70);
	g.font = '26px sans-serif';
	g.fillText(text.codeLabel, 40, 130);
	g.fillText(text.pinLabel, 40, 250);
	g.font = 'bold 52px monospace';
	g.fillText(text.code, 40, 190, WIDTH - 80);
	g.fillText(text.pin, 40, 310, WIDTH - 80);
	g.font = '22px sans-serif';
	g.fillText(text.track, 40, 370, WIDTH - 80);
	return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
