import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleChange } from '../../core/i18n';

/** Re-renders the host when the user switches language. */
export class LocaleController implements ReactiveController {
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = onLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}
