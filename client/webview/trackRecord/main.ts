// Entry of the Track Record page (bundled to dist/webview/trackRecord.js; its CSS, the preview's
// styles and its own, to dist/webview/trackRecord.css).
import '../styles.css';
import './trackRecord.css';
import { startTrackRecordPage, type TrackRecordApi } from './page';

declare function acquireVsCodeApi(): TrackRecordApi;

const root =
  document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('main'), { id: 'root' }));
startTrackRecordPage(root, acquireVsCodeApi());
