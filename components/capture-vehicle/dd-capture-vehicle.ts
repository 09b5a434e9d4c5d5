import { DdCaptureVehicle } from './capture-vehicle.component';

export * from './capture-vehicle.component';

if (!customElements.get('dd-capture-vehicle')) customElements.define('dd-capture-vehicle', DdCaptureVehicle);

declare global {
  interface HTMLElementTagNameMap {
    'dd-capture-vehicle': DdCaptureVehicle;
  }
}
