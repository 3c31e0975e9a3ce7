import { mountPage } from '@/components/shared/mount';
import { tabsCss } from '@/components/shared/Tabs';
import { SidePanel } from '@/components/sidepanel/SidePanel';

mountPage(<SidePanel />, tabsCss);
