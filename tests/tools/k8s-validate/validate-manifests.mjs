// Validates Kubernetes manifests against the JSON schemas of a current Kubernetes release, as
// npm's kubernetes-models carries them (Kubernetes 1.34's API, with resource.k8s.io/v1): each
// model's validate() runs @kubernetes-models/validate's precompiled ajv code, offline.
// Usage: node validate-manifests.mjs NODE_MODULES FILE...
// Every document must be a kind this script has a schema for. GMSACredentialSpec is a CRD
// (kubernetes-sigs/windows-gmsa, not in the core schema): it is checked against the CRD's own
// required fields below. ESM with dynamic imports, so that Node 18 (Debian 12's) runs it too.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, ...files] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(modules, file)).href);
const YAML = (await load('yaml/dist/index.js')).default ?? (await load('yaml/dist/index.js'));

const groups = {
  'apps/v1': 'kubernetes-models/apps/v1/index.js',
  v1: 'kubernetes-models/v1/index.js',
  'policy/v1': 'kubernetes-models/policy/v1/index.js',
  'batch/v1': 'kubernetes-models/batch/v1/index.js',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1/index.js',
  'node.k8s.io/v1': 'kubernetes-models/node.k8s.io/v1/index.js',
};

// The GMSACredentialSpec CRD (windows-gmsa admission-webhook/deploy/gmsa-crd.yml): credspec is an
// object; the webhook needs these fields to hand the spec to the container runtime.
function checkGmsa(doc) {
  const problems = [];
  const need = (cond, what) => { if (!cond) problems.push(what); };
  need(doc.metadata && typeof doc.metadata.name === 'string', 'metadata.name');
  const spec = doc.credspec;
  need(spec && typeof spec === 'object', 'credspec');
  if (!spec) return problems;
  need(Array.isArray(spec.CmsPlugins) && spec.CmsPlugins.every((p) => typeof p === 'string'), 'credspec.CmsPlugins');
  const dj = spec.DomainJoinConfig || {};
  for (const key of ['DnsName', 'DnsTreeName', 'Guid', 'MachineAccountName', 'NetBiosName', 'Sid'])
    need(typeof dj[key] === 'string', 'credspec.DomainJoinConfig.' + key);
  const ad = spec.ActiveDirectoryConfig || {};
  need(Array.isArray(ad.GroupManagedServiceAccounts) &&
         ad.GroupManagedServiceAccounts.every((a) => typeof a.Name === 'string' && typeof a.Scope === 'string'),
       'credspec.ActiveDirectoryConfig.GroupManagedServiceAccounts');
  for (const key of Object.keys(doc))
    need(['apiVersion', 'kind', 'metadata', 'credspec'].includes(key), 'unknown field ' + key);
  return problems;
}

let failed = 0;
let checked = 0;
for (const file of files) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const [index, d] of docs.entries()) {
    const where = `${file}#${index}`;
    if (d.errors.length) { console.error(`${where}: YAML: ${d.errors[0].message}`); failed++; continue; }
    const doc = d.toJS();
    if (doc === null) continue;
    checked++;
    if (doc.apiVersion === 'windows.k8s.io/v1' && doc.kind === 'GMSACredentialSpec') {
      const problems = checkGmsa(doc);
      if (problems.length) { console.error(`${where}: GMSACredentialSpec: ${problems.join('; ')}`); failed++; }
      continue;
    }
    const group = groups[doc.apiVersion];
    const Model = group ? (await load(group))[doc.kind] : undefined;
    if (!Model) { console.error(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`); failed++; continue; }
    try {
      new Model(doc).validate();
    } catch (error) {
      console.error(`${where}: ${doc.apiVersion} ${doc.kind}: ${error.message}`);
      failed++;
    }
  }
}
console.log(`${checked} manifest documents checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
