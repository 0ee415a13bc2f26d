import { HashRouter, useLocation } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { PrintRoutes, ShellRoutes } from './routes';

/**
 * The signed-in app: the shell with its pages, or a printout. Its own chunk (with the counter, the menu and the
 * API contract), fetched while the sign-in screen waits for the user (App.tsx), so the first screen needs none of it.
 */
export function Workspace() {
  // the first screens have no routes: the router (and react-router) arrive with the signed-in app
  return (
    <HashRouter>
      <WorkspaceRoutes />
    </HashRouter>
  );
}

function WorkspaceRoutes() {
  const location = useLocation();
  // printouts: no menu, the page is the paper
  if (location.pathname.startsWith('/print/')) return <PrintRoutes />;
  return (
    <AppShell>
      <ShellRoutes />
    </AppShell>
  );
}
