// Entry of the compare page (bundled to dist/webview/compare.js; its CSS, the preview's styles
// and its own, to dist/webview/compare.css).
import '../styles.css';
import '../history.css';
import './compare.css';
import { startComparePage, type CompareApi } from './page';

declare function acquireVsCodeApi(): CompareApi;

const root =
  document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('main'), { id: 'root' }));
startComparePage(root, acquireVsCodeApi());
