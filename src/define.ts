/** Registers the elements: the only module with side effects (see registry.ts). */
import {defineElements} from './registry.js';

defineElements();
