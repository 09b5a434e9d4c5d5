import { expect, test } from 'vitest';
import { filterCustomers, sortCustomers, tableRow, type SearchableCustomer } from '../../core/customer-search';
import { searchKeys } from '../../storage';

const NOW = new Date(2026, 10, 23, 12).getTime();

function card(id: string, name: string, phones: string[], patch: Partial<SearchableCustomer> = {}): SearchableCustomer {
  return {
    id,
    name,
    ...searchKeys({ name, phones: phones.map((number) => ({ number, label: 'mobile', primary: false })) }),
    grade: 'C',
    stage: 'potential',
    source: { channel: 'walk_in' },
    tags: [],
    createdAt: NOW - 86_400_000,
    updatedAt: NOW - Number(id.slice(1)) * 1000,
    ...patch,
  };
}

const rows = [
  tableRow(card('c1', '张三', ['+8613800138000'], { grade: 'H', wechat: 'Zhang_San88', consultant: '李娜' }), NOW - 60_000),
  tableRow(card('c2', '李四', ['+8613912345678'], { grade: 'A', ownedVehicle: { plate: '浙A 12345' }, tags: ['老客户'] }), NOW + 3_600_000),
  tableRow(card('c3', '张珊珊', ['+8613700008000'], { stage: 'intent', source: { channel: 'autohome' } })),
  tableRow(card('c4', 'Tom Smith', ['+14155552671'], { createdAt: NOW - 40 * 86_400_000 })),
];
const names = (found: { name: string }[]): string[] => found.map((row) => row.name);

test('search matches name, pinyin initials, full pinyin, phone digits anywhere, WeChat and plate', () => {
  expect(names(filterCustomers(rows, { search: 'zs' }, NOW))).toEqual(['张三', '张珊珊']);
  expect(names(filterCustomers(rows, { search: 'ls' }, NOW))).toEqual(['李四']);
  expect(names(filterCustomers(rows, { search: 'zss' }, NOW))).toEqual(['张珊珊']);
  expect(names(filterCustomers(rows, { search: 'zhang' }, NOW))).toEqual(['张三', '张珊珊']);
  expect(names(filterCustomers(rows, { search: '张' }, NOW))).toEqual(['张三', '张珊珊']);
  expect(names(filterCustomers(rows, { search: '8000' }, NOW))).toEqual(['张三', '张珊珊']);
  expect(names(filterCustomers(rows, { search: '138 0013' }, NOW))).toEqual(['张三']);
  expect(names(filterCustomers(rows, { search: '139-1234-5678' }, NOW))).toEqual(['李四']);
  expect(names(filterCustomers(rows, { search: 'zhang_san' }, NOW))).toEqual(['张三']);
  expect(names(filterCustomers(rows, { search: '浙a12' }, NOW))).toEqual(['李四']);
  expect(names(filterCustomers(rows, { search: 'tom smith' }, NOW))).toEqual(['Tom Smith']);
  expect(names(filterCustomers(rows, { search: '4155552671' }, NOW))).toEqual(['Tom Smith']);
  expect(filterCustomers(rows, { search: 'nobody' }, NOW)).toEqual([]);
});

test('filters: grade, stage, channel, consultant, tag, due status, created range', () => {
  expect(names(filterCustomers(rows, { grades: ['H', 'A'] }, NOW))).toEqual(['张三', '李四']);
  expect(names(filterCustomers(rows, { stages: ['intent'] }, NOW))).toEqual(['张珊珊']);
  expect(names(filterCustomers(rows, { channels: ['autohome'] }, NOW))).toEqual(['张珊珊']);
  expect(names(filterCustomers(rows, { consultant: '李娜' }, NOW))).toEqual(['张三']);
  expect(names(filterCustomers(rows, { tag: '老客户' }, NOW))).toEqual(['李四']);
  expect(names(filterCustomers(rows, { due: 'overdue' }, NOW))).toEqual(['张三']);
  expect(names(filterCustomers(rows, { due: 'today' }, NOW))).toEqual(['李四']);
  expect(names(filterCustomers(rows, { due: 'none' }, NOW))).toEqual(['张珊珊', 'Tom Smith']);
  expect(names(filterCustomers(rows, { createdFrom: NOW - 7 * 86_400_000 }, NOW))).toEqual(['张三', '李四', '张珊珊']);
  expect(names(filterCustomers(rows, { search: 'zh', grades: ['C'] }, NOW))).toEqual(['张珊珊']);
});

test('sorting by name follows pinyin; by grade H before C; by due puts nothing-due last', () => {
  expect(names(sortCustomers(rows, { key: 'name', descending: false }))).toEqual(['李四', 'Tom Smith', '张三', '张珊珊']);
  expect(names(sortCustomers(rows, { key: 'grade', descending: false }))).toEqual(['张三', '李四', '张珊珊', 'Tom Smith']);
  expect(names(sortCustomers(rows, { key: 'dueAt', descending: false })).slice(0, 2)).toEqual(['张三', '李四']);
  expect(names(sortCustomers(rows, { key: 'updatedAt', descending: true }))).toEqual(['张三', '李四', '张珊珊', 'Tom Smith']);
});
