import { Popup, popupCss } from '@/components/popup/Popup';
import { mountPage } from '@/components/shared/mount';
import { switchCss } from '@/components/shared/Switch';

mountPage(<Popup />, popupCss + switchCss);
