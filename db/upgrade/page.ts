/**
 * The upgrade screen: one page for both transports. `applyStatus` is the only code that draws a status:
 * browser mode loads it from /upgrade.js with a poll of /upgrade/status (the CSP allows no inline script);
 * Electron shows the page without a script and calls the same function with each status it is pushed.
 */

/** Draws an UpgradeStatus (status.ts) into the page; self-contained so it can run in either transport. */
export const APPLY_STATUS_JS = `function applyStatus(s) {
  var $ = function (id) { return document.getElementById(id); };
  var sec = Math.round(s.elapsedMs / 1000);
  var failed = s.state === 'failed';
  $('versions').textContent = '数据版本 ' + s.fromVersion + ' → ' + s.toVersion;
  var list = $('phases');
  while (list.firstChild) list.removeChild(list.firstChild);
  var marks = { waiting: '○', running: '●', done: '✓', failed: '✗' };
  var words = { waiting: '等待', running: '进行中', done: '完成', failed: '失败' };
  (s.phases || []).forEach(function (p, i) {
    var li = document.createElement('li');
    li.className = p.state;
    li.textContent = marks[p.state] + ' ' + (i + 1) + '. ' + p.label + (p.state === 'running' ? '（' + s.percent + '%）' : '') + ' · ' + words[p.state];
    list.appendChild(li);
  });
  $('step').textContent = s.step;
  $('elapsed').textContent = '已用时间 ' + (sec >= 60 ? Math.floor(sec / 60) + ' 分 ' : '') + (sec % 60) + ' 秒';
  $('percent').textContent = failed ? '' : s.percent + '%';
  $('bar').style.width = (failed ? 100 : Math.max(2, s.percent)) + '%';
  $('track').className = 'track ' + s.state;
  if (failed) {
    $('title').textContent = '数据库升级失败';
    $('error').textContent = s.error || '';
    $('error').hidden = false;
    $('detail').hidden = !s.detail;
    $('detail-text').textContent = s.detail || '';
    $('note').textContent = '可以关闭本窗口。数据文件没有改到一半的地方：请把上面的信息告知技术人员。';
  } else if (s.state === 'done') {
    $('title').textContent = '数据库升级完成';
    $('note').textContent = '正在进入系统…';
  }
}`;

/** Browser mode: follow the server's status; reload into the app when it is done. */
export const UPGRADE_SCRIPT = `${APPLY_STATUS_JS}
(function poll() {
  fetch('/upgrade/status', { cache: 'no-store' })
    .then(function (r) { return r.json(); })
    .then(function (s) {
      applyStatus(s);
      if (s.state === 'done') setTimeout(function () { location.reload(); }, 300);
      else if (s.state !== 'failed') setTimeout(poll, 500);
    })
    .catch(function () { setTimeout(poll, 1000); });
})();
`;

const STYLE = `
body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; background: #f5f7fa; color: #1f1f1f; }
main { max-width: 640px; margin: 14vh auto 0; background: #fff; border-radius: 8px; padding: 36px 40px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
h1 { font-size: 24px; margin: 0 0 6px; }
#versions { color: #595959; font-size: 15px; margin-bottom: 24px; }
.row { display: flex; align-items: center; gap: 12px; }
.track { flex: 1; height: 14px; background: #e8ecf1; border-radius: 7px; overflow: hidden; }
#bar { height: 100%; width: 2%; background: #1677ff; border-radius: 7px; transition: width .4s;
  background-image: linear-gradient(45deg, rgba(255,255,255,.25) 25%, transparent 25%, transparent 50%, rgba(255,255,255,.25) 50%, rgba(255,255,255,.25) 75%, transparent 75%);
  background-size: 28px 28px; animation: move 1s linear infinite; }
.backup #bar { background-color: #69b1ff; }
.failed #bar { background-color: #ff4d4f; animation: none; }
.done #bar { background-color: #52c41a; animation: none; }
@keyframes move { from { background-position: 0 0; } to { background-position: 28px 0; } }
#percent { width: 48px; text-align: right; font-size: 16px; font-variant-numeric: tabular-nums; }
#step { margin-top: 14px; font-size: 15px; min-height: 22px; }
#elapsed { margin-top: 4px; color: #8c8c8c; font-size: 14px; }
#note { margin-top: 24px; padding: 12px 14px; background: #fffbe6; border: 1px solid #ffe58f; border-radius: 6px; font-size: 15px; }
#phases { list-style: none; margin: 0 0 18px; padding: 0; font-size: 15px; line-height: 1.9; }
#phases .waiting { color: #8c8c8c; }
#phases .running { color: #1677ff; font-weight: 600; }
#phases .done { color: #389e0d; }
#phases .failed { color: #cf1322; font-weight: 600; }
#detail { margin-top: 10px; font-size: 13px; color: #595959; }
#detail-text { display: block; margin-top: 4px; padding: 8px 10px; background: #fafafa; border: 1px solid #f0f0f0; border-radius: 4px; font-family: Consolas, "Courier New", monospace; white-space: pre-wrap; word-break: break-all; }
#error { margin-top: 20px; padding: 12px 14px; background: #fff2f0; border: 1px solid #ffccc7; border-radius: 6px; font-size: 15px; white-space: pre-wrap; }
`;

/** The page; `scriptSrc` adds the browser-mode script (Electron passes none and pushes statuses itself). */
export function upgradePageHtml(scriptSrc?: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>正在升级数据库 - 农机更新补贴台账</title><style>${STYLE}</style></head>
<body>
<main>
  <h1 id="title">正在升级数据库…</h1>
  <div id="versions">正在检查数据文件</div>
  <ol id="phases" aria-label="升级步骤"></ol>
  <div class="row"><div id="track" class="track"><div id="bar"></div></div><span id="percent"></span></div>
  <div id="step">正在准备升级</div>
  <div id="elapsed"></div>
  <div id="error" hidden></div>
  <div id="detail" hidden>技术信息（供技术人员，无需理解）：<code id="detail-text"></code></div>
  <div id="note">新版本软件需要升级数据文件的结构，数据量大时可能需要几分钟。<strong>请勿关闭本窗口或电脑</strong>，升级完成后会自动进入系统。</div>
</main>
${scriptSrc ? `<script src="${scriptSrc}"></script>` : ''}
</body>
</html>
`;
}
