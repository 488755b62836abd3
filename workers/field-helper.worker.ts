/// <reference lib="webworker" />
/** Helper worker: computes AP fields for the coordinator over the port it is given. */
import * as Comlink from 'comlink';
import { FieldHelper } from './engine-coordinator.ts';
import type { Scene } from '../propagation/scene/types.ts';
import type { FieldJobMessage } from './engine-protocol.ts';

const helper = new FieldHelper();

self.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  Comlink.expose(
    {
      setScene: (scene: Scene) => helper.setScene(scene),
      run: (jobs: FieldJobMessage[]) => {
        const fields = helper.run(jobs);
        return Comlink.transfer(fields, fields.flat().map((field) => field.buffer));
      },
    },
    event.data.port,
  );
};
