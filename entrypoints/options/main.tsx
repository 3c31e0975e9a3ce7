import { Options } from '@/components/options/Options';
import { mountPage } from '@/components/shared/mount';

mountPage(<Options />);
