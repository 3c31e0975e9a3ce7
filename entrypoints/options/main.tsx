import { Options, optionsCss } from '@/components/options/Options';
import { mountPage } from '@/components/shared/mount';
import { switchCss } from '@/components/shared/Switch';

mountPage(<Options />, optionsCss + switchCss);
