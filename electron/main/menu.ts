import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window';

/** A minimal Chinese menu: 文件/退出, 视图/重新加载 (+开发者工具 in development), 帮助/关于. */
export function buildMenu(dbPath: string): Menu {
  const view: MenuItemConstructorOptions[] = [{ label: '重新加载', role: 'reload' }];
  if (!app.isPackaged) view.push({ label: '开发者工具', role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于',
          click: () => {
            const options = {
              type: 'info' as const,
              title: `关于${WINDOW_TITLE}`,
              message: WINDOW_TITLE,
              detail: `冠县农机报废更新补贴台账\n版本：${app.getVersion()}\n数据文件：${dbPath}`,
              buttons: ['确定'],
            };
            const owner = BrowserWindow.getFocusedWindow();
            void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

export function installMenu(dbPath: string): void {
  Menu.setApplicationMenu(buildMenu(dbPath));
}
