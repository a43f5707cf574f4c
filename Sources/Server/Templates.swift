/// The page templates (Mustache; `{{x}}` is HTML-escaped, `{{{x}}}` only for HTML we rendered ourselves), shipped
/// inside the binary: no files to install beside it, no build step, nothing fetched from elsewhere.
enum Templates {
    static let layout = """
    <!doctype html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · 台账</title>
    <link rel="stylesheet" href="/static/site.css">
    </head>
    <body>
    <header>
    <a class="brand" href="{{home}}">台账</a>
    {{#office}}
    <nav><a href="/">工作台</a> <a href="/units">单位链接</a> <a href="/history">历次记录</a>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link">退出</button></form></nav>
    {{/office}}
    {{#unitName}}<nav><span>{{unitName}}</span></nav>{{/unitName}}
    </header>
    <main>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
    {{#alert}}<p class="alert">{{alert}}</p>{{/alert}}
    {{{body}}}
    </main>
    <script src="/static/site.js" defer></script>
    </body>
    </html>
    """

    static let setup = """
    <p>第一次使用：请设置办公室的登录密码（至少 10 位）。设置码已打印在启动 taizhang serve 的终端和日志中。</p>
    <form method="post" action="/setup" class="stack">
    <label>设置码 <input name="code" required autocomplete="off"></label>
    <label>新密码 <input type="password" name="password" required minlength="10" autocomplete="new-password"></label>
    <label>再输一次 <input type="password" name="again" required minlength="10" autocomplete="new-password"></label>
    <button type="submit">设置密码</button>
    </form>
    """

    static let login = """
    <form method="post" action="/login" class="stack">
    <label>办公室密码 <input type="password" name="password" required autofocus autocomplete="current-password"></label>
    <button type="submit">登录</button>
    </form>
    """

    /// The office's desk: the plan and its problems, the rounds, and forms to open a round.
    static let home = """
    <section>
    <h2>计划表</h2>
    {{#plan}}
    <p>当前计划：<strong>{{name}}</strong>（{{tasks}} 项任务，{{units}} 个单位，上传于 {{at}}）。
    {{#hasErrors}}<span class="bad">{{errors}} 个错误</span>{{/hasErrors}} {{#hasWarnings}}<span class="warn">{{warnings}} 个提醒</span>{{/hasWarnings}}
    <a href="/plan/issues">查看问题</a> · <a href="/templates.zip">下载各单位反馈表（zip）</a></p>
    {{/plan}}
    {{^plan}}<p>还没有计划表。请上传办公室的工作任务分工方案（.xlsx、.xls、.et、.csv、.docx、.html）。</p>{{/plan}}
    <form method="post" action="/plan" enctype="multipart/form-data" class="upload" data-drop>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>计划表 <input type="file" name="plan" required></label>
    <label>单位名册（可选，units.yaml） <input type="file" name="units"></label>
    <button type="submit">上传并检查</button>
    </form>
    </section>
    {{#plan}}
    <section>
    <h2>报送轮次</h2>
    {{^empty(rounds)}}
    <table><thead><tr><th>轮次</th><th>统计截止日</th><th>已报送</th><th>状态</th></tr></thead><tbody>
    {{#rounds}}<tr><td><a href="/rounds/{{label}}">{{label}}</a></td><td>{{asOf}}</td><td>{{returned}} / {{expected}}</td><td>{{state}}</td></tr>{{/rounds}}
    </tbody></table>
    {{/empty(rounds)}}
    <form method="post" action="/rounds" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>轮次 <input name="label" placeholder="2023-07" pattern="[0-9A-Za-z\\-_.]{1,32}" required></label>
    <label>统计截止日 <input type="date" name="asOf" required></label>
    <button type="submit">开始新一轮</button>
    </form>
    </section>
    {{/plan}}
    """

    static let planIssues = """
    <p>{{name}}：{{tasks}} 项任务；{{errors}} 个错误，{{warnings}} 个提醒（警告和提示）。{{#hasErrors}}计划表有错误，未采用：请按下表改正后重新上传。{{/hasErrors}}</p>
    {{^empty(issues)}}
    <table class="issues"><thead><tr><th>位置</th><th>级别</th><th>问题</th></tr></thead><tbody>
    {{#issues}}<tr class="{{severity}}"><td class="cell">{{location}}</td><td>{{level}}</td><td>{{message}}</td></tr>{{/issues}}
    </tbody></table>
    {{/empty(issues)}}
    <p><a href="/">返回工作台</a></p>
    """

    static let units = """
    <p>每个单位一条专用链接：单位凭链接只能看到本单位的任务、下载反馈表、上传反馈。请通过内部渠道发给各单位；
    重新生成或停用后，旧链接立即失效。</p>
    <table><thead><tr><th>单位</th><th>任务</th><th>链接</th><th>有效期</th><th></th></tr></thead><tbody>
    {{#units}}
    <tr><td>{{name}}</td><td>{{tasks}}</td>
    <td>{{#link}}<input class="link-box" readonly value="{{link}}">{{/link}}{{^link}}—{{/link}}</td>
    <td>{{#expires}}{{expires}}{{/expires}}{{^expires}}{{#link}}长期{{/link}}{{/expires}}</td>
    <td>
    <form method="post" action="/units/link" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="unit" value="{{name}}">
    <input type="number" name="days" min="1" max="366" placeholder="天数（可空）" class="days"><button type="submit">{{#link}}重新生成{{/link}}{{^link}}生成链接{{/link}}</button></form>
    {{#link}}<form method="post" action="/units/revoke" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="unit" value="{{name}}"><button type="submit" class="danger">停用</button></form>{{/link}}
    </td></tr>
    {{/units}}
    </tbody></table>
    """

    /// One round: who has returned (refreshed live where scripts run), uploads on a unit's behalf, the merge and downloads.
    static let round = """
    <p>统计截止日 {{asOf}}。已报送 <strong data-live="/rounds/{{label}}/count">{{returned}}</strong> / {{expected}} 个单位。
    {{#merged}}已于 {{merged}} 合并。{{/merged}}</p>
    <table><thead><tr><th>单位</th><th>状态</th><th>最近上传</th><th>问题</th></tr></thead><tbody>
    {{#units}}<tr><td>{{name}}</td><td class="{{stateClass}}">{{state}}</td><td>{{file}} {{at}}</td><td>{{problems}}</td></tr>{{/units}}
    </tbody></table>
    <form method="post" action="/rounds/{{label}}/returns" enctype="multipart/form-data" class="upload" data-drop>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>代单位上传 <select name="unit" required>{{#units}}<option value="{{name}}">{{name}}</option>{{/units}}</select></label>
    <label>反馈表 <input type="file" name="file" required></label>
    <button type="submit">上传并检查</button>
    </form>
    <form method="post" action="/rounds/{{label}}/merge" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">合并本轮（{{returned}} 份）</button>
    </form>
    {{#merged}}
    <h2>下载</h2>
    <p><a href="/rounds/{{label}}/files/总台账.xlsx">总台账.xlsx</a> · <a href="/rounds/{{label}}/files/总台账.csv">总台账.csv</a> ·
    <a href="/rounds/{{label}}/files/简报.xlsx">简报.xlsx</a> · <a href="/rounds/{{label}}/ledger">在网页中查看台账</a></p>
    {{/merged}}
    """

    static let ledger = """
    <form method="get" class="inline-form filters">
    <label>单位 <select name="unit"><option value="">全部</option>{{#unitChoices}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/unitChoices}}</select></label>
    <label>状态 <select name="status"><option value="">全部</option>{{#statusChoices}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statusChoices}}</select></label>
    <button type="submit">筛选</button>
    </form>
    <p>{{headline}}</p>
    <p>显示 {{shown}} / {{total}} 项任务。</p>
    <table class="ledger"><thead><tr><th>编号</th><th>具体任务</th><th>牵头单位</th><th>完成时限</th><th>进展情况</th><th>状态</th><th>逾期</th></tr></thead><tbody>
    {{#rows}}<tr><td class="cell">{{id}}</td><td>{{task}}</td><td>{{leads}}</td><td class="short">{{deadline}}</td><td class="progress">{{#reports}}<p><b>{{unit}}</b> {{text}}</p>{{/reports}}</td><td class="short">{{status}}</td><td class="short">{{#overdue}}<span class="bad">逾期</span>{{/overdue}}</td></tr>{{/rows}}
    </tbody></table>
    {{^empty(issues)}}
    <h2>问题（{{count(issues)}}）</h2>
    <table class="issues"><thead><tr><th>位置</th><th>级别</th><th>问题</th></tr></thead><tbody>
    {{#issues}}<tr class="{{severity}}"><td class="cell">{{location}}</td><td>{{level}}</td><td>{{message}}</td></tr>{{/issues}}
    </tbody></table>
    {{/empty(issues)}}
    """

    static let history = """
    <h2>已记录的轮次</h2>
    {{^empty(rounds)}}<table><thead><tr><th>轮次</th><th>统计截止日</th><th>文件</th><th>报送单位</th><th>进展条数</th></tr></thead><tbody>
    {{#rounds}}<tr><td>{{label}}</td><td>{{asOf}}</td><td>{{files}}</td><td>{{units}}</td><td>{{reports}}</td></tr>{{/rounds}}
    </tbody></table>{{/empty(rounds)}}{{#empty(rounds)}}<p>还没有合并过的轮次。</p>{{/empty(rounds)}}
    <h2>全部上传（{{count(uploads)}}）</h2>
    <table><thead><tr><th>#</th><th>时间</th><th>类别</th><th>单位</th><th>轮次</th><th>文件名</th><th>大小</th><th>SHA-256</th><th>经手</th><th>结果</th></tr></thead><tbody>
    {{#uploads}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{kind}}</td><td>{{unit}}</td><td>{{round}}</td><td>{{name}}</td><td>{{size}}</td><td class="sha">{{sha}}</td><td>{{by}}</td><td>{{status}}</td></tr>{{/uploads}}
    </tbody></table>
    """

    /// A unit's own page: its tasks, its template, the current round's upload, and what it sent before.
    static let unitHome = """
    <p>本单位共 {{count(tasks)}} 项任务（牵头 {{leads}} 项，配合 {{cooperates}} 项）。<a href="{{base}}/template.xlsx">下载本单位反馈表</a>，填好后在下面上传。</p>
    {{#round}}
    <form method="post" action="{{base}}/return" enctype="multipart/form-data" class="upload" data-drop>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>第 {{round}} 轮反馈表 <input type="file" name="file" required></label>
    <button type="submit">上传并检查</button>
    </form>
    <p>不方便用表格？<a href="{{base}}/form">在网页上填写第 {{round}} 轮进展</a>。</p>
    {{/round}}
    {{^round}}<p>目前没有正在报送的轮次。</p>{{/round}}
    {{^empty(uploads)}}
    <h2>已上传</h2>
    <table><thead><tr><th>时间</th><th>轮次</th><th>文件名</th><th>结果</th><th>问题</th></tr></thead><tbody>
    {{#uploads}}<tr><td>{{at}}</td><td>{{round}}</td><td>{{name}}</td><td>{{status}}</td><td>{{problems}}</td></tr>{{/uploads}}
    </tbody></table>
    {{/empty(uploads)}}
    <h2>本单位任务</h2>
    <table><thead><tr><th>编号</th><th>具体任务</th><th>本单位角色</th><th>完成时限</th></tr></thead><tbody>
    {{#tasks}}<tr><td class="cell">{{id}}</td><td>{{task}}</td><td>{{role}}</td><td>{{deadline}}</td></tr>{{/tasks}}
    </tbody></table>
    """

    /// A unit's progress typed into the page: a row per task, sent as one return.
    static let progressForm = """
    <p>在下面填写本单位 {{count}} 项任务第 {{round}} 轮的进展，提交后与上传反馈表一样检查和留存。{{#prefilled}}已填入本轮最近一次被采用的反馈，可在此基础上修改。{{/prefilled}}也可以<a href="{{base}}/template.xlsx">下载反馈表</a>填好后上传。</p>
    {{#hasBeyond}}<p class="alert">本轮采用的反馈表中还有网页上没有的栏目（{{beyond}}）。网页提交后以网页填写的为准，这些栏目不会带入；如需保留，请改为上传反馈表。</p>{{/hasBeyond}}
    <form method="post" action="{{base}}/form" class="progress-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <table><thead><tr><th>编号</th><th>具体任务</th><th>完成时限</th><th>进展情况</th><th>完成状态</th><th>完成时间</th><th>佐证材料</th><th>备注</th></tr></thead><tbody>
    {{#rows}}<tr><td class="cell">{{id}}<input type="hidden" name="id.{{index}}" value="{{id}}"></td><td>{{task}}<br><small>本单位{{role}}</small></td><td class="short">{{deadline}}</td>
    <td><textarea name="progress.{{index}}" rows="3" aria-label="{{id}} 进展情况">{{progress}}</textarea></td>
    <td><select name="status.{{index}}" aria-label="{{id}} 完成状态"><option value="">请选择</option>{{#options}}<option{{#selected}} selected{{/selected}}>{{word}}</option>{{/options}}</select></td>
    <td><input type="{{doneType}}" name="done.{{index}}" value="{{done}}" aria-label="{{id}} 完成时间"></td>
    <td><input name="evidence.{{index}}" value="{{evidence}}" aria-label="{{id}} 佐证材料"></td>
    <td><input name="remarks.{{index}}" value="{{remarks}}" aria-label="{{id}} 备注"></td></tr>
    {{/rows}}
    </tbody></table>
    <button type="submit">提交并检查</button>
    </form>
    """

    /// What checking an upload found: accepted or not, and each problem at its cell.
    static let checked = """
    <p class="{{#accepted}}notice{{/accepted}}{{^accepted}}alert{{/accepted}}">{{summary}}</p>
    {{^empty(issues)}}
    <table class="issues"><thead><tr><th>位置</th><th>级别</th><th>问题</th></tr></thead><tbody>
    {{#issues}}<tr class="{{severity}}"><td class="cell">{{location}}</td><td>{{level}}</td><td>{{message}}</td></tr>{{/issues}}
    </tbody></table>
    {{/empty(issues)}}
    <p><a href="{{back}}">返回</a></p>
    """

    static let error = """
    <p>{{message}}</p>
    <p><a href="{{back}}">返回</a></p>
    """

    static let css = """
    body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
    header{display:flex;gap:2em;align-items:center;background:#08519c;color:#fff;padding:.6em 1.5em}
    header a,header button.link{color:#fff;text-decoration:none;margin-right:1em;font-size:1em}
    .brand{font-weight:bold;font-size:1.2em}
    main{max-width:1200px;margin:1em auto;background:#fff;padding:1em 2em;border:1px solid #d0d7de}
    h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
    table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
    th,td{border:1px solid #d0d7de;padding:.35em .5em;text-align:left;vertical-align:top}
    th{background:#eaeef2}
    td.cell,td.sha{font-family:monospace;white-space:nowrap}
    td.sha{font-size:.8em}
    td.progress p{margin:.1em 0}
    td.short,table.issues td:nth-child(2),table.issues th:nth-child(2){white-space:nowrap}
    .bad,.error td:nth-child(2){color:#a40e26;font-weight:bold}
    .warn,.warning td:nth-child(2){color:#9a6700}
    .notice{background:#dafbe1;padding:.5em 1em}
    .alert{background:#ffebe9;padding:.5em 1em}
    form.stack{display:flex;flex-direction:column;gap:.8em;max-width:24em}
    form.inline{display:inline}
    .inline-form,.upload{display:flex;flex-wrap:wrap;gap:1em;align-items:end;margin:1em 0;padding:.8em;border:1px dashed #8c959f}
    .upload.dragging{background:#ddf4ff;border-color:#08519c}
    button{padding:.35em 1em;cursor:pointer}
    .progress-form td:nth-child(4){width:30%}
    .progress-form textarea{width:100%;min-width:14em;box-sizing:border-box;font:inherit}
    .progress-form input,.progress-form select{max-width:9em;font:inherit}
    button.link{background:none;border:none;padding:0}
    button.danger{color:#a40e26}
    input.link-box{width:100%;font-family:monospace;font-size:.85em}
    input.days{width:8em}
    @media print{header,form,.filters{display:none}main{border:none;max-width:none}}
    """

    /// Progressive enhancement only: files dropped on an upload form fill its file field, and a round's count refreshes.
    /// Every form works without it.
    static let script = """
    document.querySelectorAll('[data-drop]').forEach(function (form) {
      var input = form.querySelector('input[type=file]');
      ['dragenter', 'dragover'].forEach(function (e) { form.addEventListener(e, function (ev) { ev.preventDefault(); form.classList.add('dragging'); }); });
      ['dragleave', 'drop'].forEach(function (e) { form.addEventListener(e, function () { form.classList.remove('dragging'); }); });
      form.addEventListener('drop', function (ev) { ev.preventDefault(); if (input && ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; } });
    });
    document.querySelectorAll('[data-live]').forEach(function (el) {
      setInterval(function () {
        fetch(el.getAttribute('data-live'), {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (t) { if (t !== null) { el.textContent = t; } }).catch(function () {});
      }, 5000);
    });
    """
}
