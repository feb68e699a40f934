/** What `dev` and `preview` share: the port, the address and its warning, errors of listening, stopping. */
import { networkInterfaces } from 'node:os';

/** `--port N` as a number, the default when not given; null (printed) when it is no port. */
export function parsePort(command: string, given: string | undefined, fallback: number): number | null {
  if (given === undefined) return fallback;
  const port = /^\d+$/.test(given) ? Number(given) : NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  console.error(`leverage ${command}: --port must be a port number from 0 to 65535, got ${JSON.stringify(given)} (e.g. --port 8080)`);
  return null;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The warning for an address other than loopback: the site is then open to the network,
 * with the addresses other devices reach it at.
 */
export function loopbackWarning(host: string, url: string): string | null {
  if (isLoopback(host)) return null;
  const anyAddress = host === '0.0.0.0' || host === '::';
  const addresses = anyAddress
    ? Object.values(networkInterfaces())
        .flat()
        .filter((info) => info && !info.internal && info.family === 'IPv4')
        .map((info) => url.replace('127.0.0.1', info!.address))
    : [url];
  const where = addresses.length ? `: ${addresses.join(', ')}` : '';
  return (
    `warning: --host ${host} serves the site to every device that can reach this machine${where}. ` +
    'It is meant for trying the site on a phone on a network you trust; leave --host out to serve on this machine only.'
  );
}

/** Prints why the server could not listen, when that is the problem; false for other errors. */
export function listenError(command: string, host: string, err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  const message = (err as Error).message;
  const why =
    code === 'EADDRNOTAVAIL' ? `no network interface of this machine has the address ${host}`
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `${host} is not an address this machine knows`
    : code === 'EACCES' ? 'permission denied (ports below 1024 need privileges; try --port 8080)'
    : code === undefined && message.startsWith('no free port') ? message
    : null;
  if (why === null) return false;
  console.error(`leverage ${command}: cannot listen on ${host}: ${why}`);
  return true;
}

/** Resolves on Ctrl-C or a termination signal. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
