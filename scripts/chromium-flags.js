/**
 * Flags for Debian's Chromium wherever this repository drives it (the browser tests, the
 * email render): headless as root, and off the network, which is closed here: without
 * the background-networking flags Chromium keeps opening connections that are refused.
 */
module.exports = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
