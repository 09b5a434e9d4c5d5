import '../../storage/zod';
import { applyLanguageSetting } from '../shared/language';
import './popup-app';

void applyLanguageSetting();
