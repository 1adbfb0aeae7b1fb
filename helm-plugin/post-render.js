// Helm 4 runs this through the plugin directory, which `helm plugin install` links to this repository: Node
// resolves the real path of this file, so the bundle next door is found (a `..` in the plugin command is not).
require('../dist/multicluster-routes.js');
