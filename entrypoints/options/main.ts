import '../../storage/zod';
import { applyLanguageSetting } from '../shared/language';
import { requestPersistentStorage } from '../shared/persistent-storage';
import './dashboard-app';

void requestPersistentStorage();
void applyLanguageSetting();
