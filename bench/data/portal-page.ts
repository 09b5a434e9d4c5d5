import { SeededRandom } from './random';

// A dealer back-end's inquiry list, as portals show them to dealers: a header with the dealer's own
// contact, then rows of inquiries (customer, phone, model, time, status). Written for the bench, grown
// with rows until it reaches the wanted size.

const NAMES = ['王先生', '李女士', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏', '吴迪', '周婷', '徐峰', '孙丽'];
const MODELS = ['比亚迪 汉 EV', '丰田 凯美瑞 2.0E', '大众 帕萨特 330TSI', '本田 雅阁 260TURBO', '吉利 星越L 2.0T', '理想 L6 Pro'];
const STATUSES = ['待跟进', '已联系', '已到店', '已试驾', '战败'];

function row(random: SeededRandom, index: number): string {
  const phone = `1${random.pick(['38', '39', '58', '86', '88'])}${random.digits(4)}${random.digits(4)}`;
  const masked = random.chance(0.5) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
  return `<tr class="inquiry" data-row="${index}"><td class="cell-id">${100000 + index}</td><td class="cell-name">${random.pick(NAMES)}</td><td class="cell-phone"><a href="tel:${phone}">${masked}</a></td><td>${random.pick(MODELS)}</td><td>北京</td><td>2026-11-${String(random.int(1, 22)).padStart(2, '0')} ${String(random.int(8, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}</td><td>${random.pick(STATUSES)}</td><td><button type="button">分配</button> <button type="button">备注</button></td></tr>\n`;
}

export function portalPage(bytes: number, seed = 1): string {
  const random = new SeededRandom(seed);
  const head = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>经销商后台 - 线索管理</title>
<style>body{margin:0;font:13px/1.5 system-ui,sans-serif;color:#222}header{background:#1b4ea0;color:#fff;padding:10px 20px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e5e5;padding:4px 8px;text-align:left}
.side{float:right;width:220px;padding:12px}main{padding:12px 20px}</style></head>
<body><header><strong>星耀汽车 经销商后台</strong> · 销售热线 <span class="hotline">400-810-6688</span></header>
<main><aside class="side"><h3>联系我们</h3><p>地址：北京市朝阳区东四环中路 88 号</p><p>电话：010-6234 5678</p></aside>
<h1>新线索</h1><table><thead><tr><th>编号</th><th>客户</th><th>电话</th><th>意向车型</th><th>城市</th><th>时间</th><th>状态</th><th>操作</th></tr></thead><tbody>
`;
  const tail = '</tbody></table></main></body></html>\n';
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let index = 0; size < bytes; index++) {
    const next = row(random, index);
    size += Buffer.byteLength(next);
    parts.push(next);
  }
  parts.push(tail);
  return parts.join('');
}
