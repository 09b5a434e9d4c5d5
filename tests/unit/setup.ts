import 'fake-indexeddb/auto';
import '../../storage/zod';
import { setLocale } from '../../core/i18n';

// Tests read messages in Chinese unless they switch; happy-dom reports en-US.
setLocale('zh_CN');
