// Entry of the preview page (bundled to dist/webview/main.js; its CSS to dist/webview/main.css).
import './styles.css';
import { startPage, type VsCodeApi } from './page';

declare function acquireVsCodeApi(): VsCodeApi;

const root =
  document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('main'), { id: 'root' }));
startPage({ root, api: acquireVsCodeApi() });
