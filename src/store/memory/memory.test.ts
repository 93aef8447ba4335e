/** @module Runs the Store contract against the in-memory store. */
import { runStoreContract } from '../contract.js';
import { openMemoryStore } from './index.js';

runStoreContract({ name: 'memory', open: openMemoryStore });
