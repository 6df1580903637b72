// Starts the page: mounts each panel, then loads what the server knows.

import { mountShell } from './shell.js';
import { mountCollections } from './collections.js';
import { mountProducts } from './products.js';
import { mountAdd } from './add.js';
import { mountBatchPanel, findUnfinishedJob } from './batch-panel.js';
import { mountBulk } from './bulk.js';
import { mountDetail } from './detail.js';
import { mountJobs } from './jobs.js';
import { mountDocuments } from './documents.js';
import { state, update } from './state.js';
import { loadHealth, loadCollections, chooseCollection, initialCollection } from './actions.js';

mountShell();
mountCollections();
mountProducts();
mountBulk();
mountAdd();
mountBatchPanel();
mountDetail();
mountJobs();
mountDocuments();

async function start() {
  await loadHealth();
  await loadCollections();
  const wanted = initialCollection();
  const first = wanted || (state.collections[0] && state.collections[0].name);
  if (first) chooseCollection(first);
  else update({ collection: null });
  await findUnfinishedJob();
  document.body.dataset.ready = 'true';
}

window.addEventListener('hashchange', () => {
  const name = decodeURIComponent(location.hash.slice(1));
  if (name && name !== state.collection) chooseCollection(name);
});

start();
