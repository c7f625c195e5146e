import '@/components/theme.css';
import '@/components/panel/panel.css';
import { mountPage } from '@/components/mount-page';
import { SidePanelApp } from './SidePanelApp';

mountPage(<SidePanelApp />);
