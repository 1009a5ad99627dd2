// No bundler: the page and the package's script-tag build (dist/cdn: one self-registering
// module plus the chunks it loads on demand) are copied into dist/, ready for any static server.
import {cpSync, rmSync} from 'node:fs';

rmSync('dist', {recursive: true, force: true});
cpSync('index.html', 'dist/index.html');
cpSync('node_modules/auth-elements/dist/cdn', 'dist/vendor/auth-elements', {recursive: true});
console.log('dist/index.html, dist/vendor/auth-elements/');
