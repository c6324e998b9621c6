/// <reference lib="webworker" />
/** The simulation worker in the browser: serves the worker API over postMessage. */
import { expose } from 'comlink';
import { createSimApi } from './api';

expose(createSimApi());
