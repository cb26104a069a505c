// The in-memory store (the default, one process) keeps the same contract as the Redis one.
import { describe } from 'node:test';
import { createMemoryStore, type EkycStore } from '../../src/server/index.js';
import { storeContract } from './helpers/store-contract.js';

describe('the memory store', () => {
  // Two handles on one store, as two instances would share one Redis.
  let shared: EkycStore | null = null;
  storeContract(() => {
    shared ??= createMemoryStore();
    return Promise.resolve(shared);
  });
});
