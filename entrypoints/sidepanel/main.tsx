import { mountPage } from '@/components/shared/mount';
import { tabsCss } from '@/components/shared/Tabs';
import { panelCss } from '@/components/sidepanel/panel-css';
import { SidePanel } from '@/components/sidepanel/SidePanel';

mountPage(<SidePanel />, tabsCss + panelCss);
