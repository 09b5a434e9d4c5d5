import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cardFromRow, guessColumns } from '../../core/transfer/customer-columns';
import { readCustomerFile, UnreadableFile, type CustomerFile } from '../../core/transfer/customer-file';
import { CustomerRepository, DealerDeskDatabase } from '../../storage';
import { commitImport, planImport, type DuplicatePolicy, type ImportRow } from '../../storage/customer-import';
import { freshDatabase } from './support/database';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

let db: DealerDeskDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await db.open();
});
afterEach(() => db.delete());

function rows(file: CustomerFile): ImportRow[] {
  return file.rows.map((row, index) => ({ line: index + 2, ...cardFromRow(row, file.mapping) }));
}

async function importFile(name: string, policy: DuplicatePolicy = 'merge') {
  const file = await readCustomerFile(name, fixture(name));
  const plan = await planImport(db, rows(file), policy);
  return { file, plan };
}

describe('reading customer files', () => {
  test.each([
    ['customers-utf8.csv', 'utf-8'],
    ['customers-utf8-bom.csv', 'utf-8'],
    ['customers-gb18030.csv', 'gb18030'],
    ['customers.xlsx', undefined],
  ])('%s: encoding detected, Chinese headers mapped to card fields', async (name, encoding) => {
    const file = await readCustomerFile(name, fixture(name));
    expect(file.encoding).toBe(encoding);
    expect(file.headers[0]).toBe('姓名');
    expect(file.mapping).toEqual(['name', 'phone', 'gender', 'channel', 'series', 'budgetMax', 'grade', 'consultant', 'wechat', 'plate', 'notes', 'capturedAt']);
    expect(file.rows).toHaveLength(10);
  });

  test.each(['customers-utf8.csv', 'customers-utf8-bom.csv', 'customers-gb18030.csv', 'customers.xlsx'])(
    '%s imports the same customers, duplicates merged, bad rows rejected with reasons',
    async (name) => {
      const { plan } = await importFile(name);
      expect(plan.counts).toEqual({ create: 6, merge: 1, skip: 0, reject: 3 });
      const rejected = Object.fromEntries(plan.rows.filter((row) => row.outcome === 'reject').map((row) => [row.name, row.reasons.join(' ')]));
      expect(rejected['孙八']).toContain('至少填写一种联系方式');
      expect(rejected['周九']).toContain('不是有效的电话号码');
      expect(rejected['郑十一']).toContain('不是日期');

      await commitImport(db, plan);
      const stored = await db.customers.toArray();
      expect(stored.map((customer) => customer.name).sort()).toEqual(['吴十', '张三', '李四', '王五', '赵六', '陈十二'].sort());
      const zhang = stored.find((customer) => customer.name === '张三')!;
      expect(zhang.phoneNumbers).toEqual(['+8613800138000']);
      expect(zhang.source.channel).toBe('autohome');
      expect(zhang.grade).toBe('H');
      expect(zhang.needs.budgetMin).toBe(150_000);
      expect(zhang.needs.budgetMax).toBe(200_000);
      expect(zhang.ownedVehicle?.plate).toBe('浙A12345');
      expect(zhang.nameInitials).toBe('zs');
      // 钱七 left the same phone: merged into 张三, blanks filled, nothing overwritten.
      expect(zhang.notes).toBe('想要白色');
      expect(zhang.createdAt).toBe(new Date(2026, 9, 5).getTime());
      const li = stored.find((customer) => customer.name === '李四')!;
      expect(li.phoneNumbers).toEqual(['+8613912345678']);
      expect(li.createdAt).toBe(new Date(2026, 9, 8).getTime());
      expect(stored.find((customer) => customer.name === '王五')!.notes).toBe('周末到店,带家人');
      // A formula is kept as plain text (shown by Lit as text, neutralised on export).
      expect(stored.find((customer) => customer.name === '吴十')!.notes).toBe('=HYPERLINK("http://example.invalid","点我")');
    },
  );

  test('duplicates of stored customers: skip, merge or create', async () => {
    const customers = new CustomerRepository(db);
    await customers.create({ name: '张三丰', phones: [{ number: '138 0013 8000' }], wechat: 'old-wechat' });

    const skipped = await importFile('customers-utf8.csv', 'skip');
    expect(skipped.plan.counts).toEqual({ create: 5, merge: 0, skip: 2, reject: 3 });

    const created = await importFile('customers-utf8.csv', 'create');
    expect(created.plan.counts).toEqual({ create: 7, merge: 0, skip: 0, reject: 3 });

    const merged = await importFile('customers-utf8.csv', 'merge');
    expect(merged.plan.counts).toEqual({ create: 5, merge: 2, skip: 0, reject: 3 });
    await commitImport(db, merged.plan);
    const owner = (await customers.findDuplicates(['13800138000']))[0]!;
    expect(owner.name).toBe('张三丰');
    expect(owner.wechat).toBe('old-wechat');
    expect(owner.needs.series).toBe('星越L');
    expect(await db.customers.count()).toBe(6);
  });

  test('the plan writes nothing; commit reports progress batch by batch', async () => {
    const { plan } = await importFile('customers.xlsx');
    expect(await db.customers.count()).toBe(0);
    const progress: [number, number][] = [];
    await commitImport(db, plan, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [0, 6],
      [6, 6],
    ]);
  });
});

describe('files that cannot be imported change nothing', () => {
  test.each([
    ['broken-quotes.csv', 'import_error_broken_csv'],
    ['fake.xlsx', 'import_error_not_xlsx'],
    ['customers.txt', 'import_error_type'],
  ])('%s is refused with %s', async (name, key) => {
    await new CustomerRepository(db).create({ name: '老客户', phones: [{ number: '13900001111' }] });
    const before = await db.customers.toArray();
    const error = await readCustomerFile(name, fixture(name)).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as UnreadableFile).key).toBe(key);
    expect(await db.customers.toArray()).toEqual(before);
  });

  test('a zip renamed .csv, a huge file and a header-only file are refused', async () => {
    await expect(readCustomerFile('x.csv', fixture('customers.xlsx'))).rejects.toMatchObject({ key: 'import_error_csv_is_zip' });
    await expect(readCustomerFile('x.csv', new Uint8Array(51 * 1024 * 1024))).rejects.toMatchObject({ key: 'import_error_too_big' });
    await expect(readCustomerFile('x.csv', new TextEncoder().encode('姓名,电话\n'))).rejects.toMatchObject({ key: 'import_error_empty' });
    await expect(readCustomerFile('x.csv', new TextEncoder().encode('a,b\n1,2\n'))).rejects.toMatchObject({ key: 'import_error_no_name_column' });
  });
});

describe('column guessing', () => {
  test('Chinese, English and decorated headers', () => {
    expect(guessColumns(['客户姓名', '联系电话', '意向车型', '来源渠道', '级别', '跟进人', '备注'])).toEqual(['name', 'phone', 'series', 'channel', 'grade', 'consultant', 'notes']);
    expect(guessColumns(['Name', 'Mobile', 'Model of interest', 'Lead Source', 'Grade', 'Plate', 'E-mail'])).toEqual(['name', 'phone', 'series', 'channel', 'grade', 'plate', 'email']);
    expect(guessColumns(['*姓名(必填)', '客户手机号码', '不相关的列'])).toEqual(['name', 'phone', undefined]);
  });

  test('a second phone column becomes the second phone, not a duplicate', () => {
    expect(guessColumns(['姓名', '电话', '备用电话'])).toEqual(['name', 'phone', 'phone2']);
  });
});
