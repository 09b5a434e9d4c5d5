import { registerCaptureCommands } from './capture-commands';
import { registerCaptureRouter } from './capture-router';

export { captureTab } from './capture-tab';

/** Lead capture: the message router, the context menu, the shortcut and the user's own sites. */
export function registerCapture(): void {
  registerCaptureRouter();
  registerCaptureCommands();
}
