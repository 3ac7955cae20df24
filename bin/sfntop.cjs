#!/usr/bin/env node
// Written in old JavaScript on purpose: this file must parse on any Node so
// that an old Node gets one clear line instead of a syntax error from dist/.
'use strict';
var required = 22;
var major = Number(process.versions.node.split('.')[0]);
if (major < required) {
	process.stderr.write('sfntop: needs Node.js ' + required + ' or newer; this is Node.js ' + process.versions.node + '. Install a newer Node (e.g. `nvm install 24`) and try again.\n');
	process.exit(2);
}

// FORCE_COLOR beats NO_COLOR in sfntop (README "Colour"); Node agrees, but would also print a
// warning about it on stderr as soon as anything loads its colour code.
if (process.env.FORCE_COLOR !== undefined) {
	delete process.env.NO_COLOR;
}

import('../dist/cli.js').catch(function (error) {
	process.stderr.write('sfntop: could not start: ' + (error && error.message ? error.message : String(error)) + '\n');
	process.exit(2);
});
