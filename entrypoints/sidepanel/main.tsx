import { mountPage } from '@/components/shared/mount';
import { tabsCss } from '@/components/shared/Tabs';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import { panelCss } from '@/components/sidepanel/panel-css';

mountPage(<SidePanel />, tabsCss + panelCss);
