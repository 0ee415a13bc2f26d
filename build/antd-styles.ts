/**
 * Prerenders antd's styles and prints them as JSON `{ firstScreen, workspace }`: the CSS of the antd screens around
 * sign-in (lock, recovery, new password, recovery code; the sign-in and setup forms themselves are plain elements
 * with no antd, renderer/src/first-screen), and that of the shell and the counter. Both arrive with antd, once the
 * first screen is painted (renderer/src/antd-root.tsx). Run by the
 * build (build/antd-static-styles.ts) as `NODE_ENV=production node --import tsx build/antd-styles.ts`.
 *
 * antd 6 writes its component styles at runtime (CSS-in-JS): on an old PC that is a good part of the time to the
 * first screen. `extractStyle` gives those styles as CSS plus a map of what they cover; the page loads them as a
 * stylesheet, and @ant-design/cssinjs then skips the work for every component style the map lists (any style
 * missing from it is still made at runtime, so a component left off this list only costs time, never looks).
 * The styles are keyed by the theme's hash: they are rendered here with the app's own theme (renderer/src/theme.ts).
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  theme as antdTheme,
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Drawer,
  Empty,
  Form,
  Input,
  Layout,
  Menu,
  Modal,
  Pagination,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { createElement as h, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { THEME } from '../renderer/src/theme';

/** One use of each antd component the setup and sign-in screens render (the props only need to reach its style hook). */
function firstScreens(): ReactNode[] {
  return [
    h(Spin, { key: 'spin', size: 'large', fullscreen: true, tip: '…' }),
    h(Result, { key: 'result', status: 'error', title: '…' }),
    h(Skeleton, { key: 'skeleton', active: true }),
    h(
      Card,
      { key: 'card', title: '…' },
      h(Typography.Title, { level: 3 }, '…'),
      h(Typography.Paragraph, { type: 'secondary' }, '…'),
      h(Typography.Text, null, '…'),
      h(Typography.Link, null, '…'),
    ),
    h(Alert, { key: 'alert', type: 'error', showIcon: true, message: '…' }),
    h(
      Form,
      { key: 'form', layout: 'vertical' },
      h(Form.Item, { label: '…', required: true, help: '…', validateStatus: 'error' }, h(Input, { id: 'a' })),
      h(Form.Item, { label: '…' }, h(Input.Password, { id: 'b' })),
      h(Form.Item, { label: '…' }, h(Input.TextArea, { id: 'c' })),
      h(Form.Item, { label: '…' }, h(Input.Search, { id: 'd' })),
      h(Form.Item, { label: '…' }, h(Select, { id: 'e', options: [] })),
      h(Form.Item, { label: '…' }, h(AutoComplete, { id: 'f', options: [] })),
      h(Form.Item, { label: '…' }, h(Radio.Group, { options: ['a', 'b'] }), h(Radio.Group, { optionType: 'button', options: ['a'] })),
      h(Form.Item, { label: '…' }, h(Checkbox, null, '…')),
    ),
    h(Row, { key: 'row', gutter: 16 }, h(Col, { span: 12 }, '…')),
    h(Space, { key: 'space', wrap: true }, h(Button, { type: 'primary' }, '…'), h(Button, { type: 'link', size: 'small' }, '…')),
  ];
}

/** The same for the shell (menu, header) and the counter (search, farmer table, new-farmer drawer). */
function workspace(): ReactNode[] {
  const columns = [
    { title: '姓名', dataIndex: 'name', key: 'name', sorter: true },
    { title: '乡镇', dataIndex: 'town', key: 'town', ellipsis: true },
  ];
  return [
    h(Tag, { key: 'tag', color: 'green' }, '…'),
    h(Tooltip, { key: 'tooltip', title: '…', open: true }, h('span', null, '…')),
    h(
      Layout,
      { key: 'layout' },
      h(Layout.Sider, { collapsible: true, theme: 'light' }, h(Menu, { mode: 'inline', items: [{ key: 'a', label: '…' }] })),
      h(Layout, null, h(Layout.Header, null, '…'), h(Layout.Content, null, '…')),
    ),
    h(Table, {
      key: 'table',
      size: 'small',
      rowKey: 'key',
      columns,
      dataSource: [{ key: 1, name: '…', town: '…' }],
      rowSelection: {},
      pagination: { total: 100 },
    }),
    h(Table, { key: 'empty', columns, dataSource: [] }),
    h(Pagination, { key: 'pagination', total: 100, showSizeChanger: true }),
    h(Empty, { key: 'emptyImage' }),
    h(Drawer, { key: 'drawer', open: true, title: '…' }, '…'),
    h(Modal, { key: 'modal', open: true, title: '…' }, '…'),
  ];
}

const MAP_RULE = /\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/;
const cache = createCache();
const render = (nodes: ReactNode[]) =>
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: THEME }, h(App, null, ...nodes))));
// each part holds its own styles (`once`); the first screen's CSS carries the map of both, since cssinjs reads
// the map once, at its first style: the workspace's styles must be in the page before it renders (Workspace.tsx)
render(firstScreens());
const first = extractStyle(cache, { plain: true, types: ['style'], once: true });
render(workspace());
const rest = extractStyle(cache, { plain: true, types: ['style'], once: true });
const map = extractStyle(cache, { plain: true, types: ['style'] }).match(MAP_RULE)?.[0];
if (!map || !MAP_RULE.test(first) || !MAP_RULE.test(rest)) throw new Error('antd-styles: no cache map in the extracted styles');

// the theme's map token (antd's default algorithm on the app's seed), for the page to take instead of computing
// it at start (renderer/src/runtime-theme.ts): the seed exactly as antd hands it to the algorithm, and the result
let seed: unknown;
renderToString(
  h(
    ConfigProvider,
    {
      theme: {
        ...THEME,
        algorithm: (token) => {
          seed = token;
          return antdTheme.defaultAlgorithm(token);
        },
      },
    },
    h(Button, null, '…'),
  ),
);
if (!seed) throw new Error('antd-styles: the theme algorithm was not called');
const mapToken = { seed: JSON.stringify(seed), map: antdTheme.defaultAlgorithm(seed as Parameters<typeof antdTheme.defaultAlgorithm>[0]) };
process.stdout.write(JSON.stringify({ firstScreen: first.replace(MAP_RULE, '') + map, workspace: rest.replace(MAP_RULE, ''), mapToken }));
