// A stand-in for the `vscode` module, for loading the extension outside VS Code: every
// property is a callable, constructible stub, except what a test sets. Records the commands
// and task providers registered.
"use strict";
const Module = require("node:module");

function stub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(target, key) {
      if (key === "then") return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => name;
      if (key === "prototype") return target.prototype;
      if (!(key in target)) target[key] = stub(`${name}.${String(key)}`);
      return target[key];
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

/** Makes `require("vscode")` (and, if given, other modules) return stand-ins; returns a restore function. */
function install(overrides) {
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    if (Object.prototype.hasOwnProperty.call(overrides, request)) return overrides[request];
    return original.call(this, request, parent, isMain);
  };
  return () => {
    Module._load = original;
  };
}

module.exports = { stub, install };
