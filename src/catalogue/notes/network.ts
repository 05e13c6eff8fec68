/**
 * Codes this tool reports itself when no usable answer came back: Node's network error codes
 * and the tool's own `Timeout`, `UnknownError` and `InvalidResponse`. They have no HTTP status,
 * or none the reference documents.
 */
import type { Note } from '../types.js';
import { ASK_SUPPORT, CHECK_BEFORE_RERUN, notesOf } from './shared.js';

const network = notesOf('service', true);

const WHERE_TO =
  'With --endpoint or --sandbox, check the address and port and that the server is running; ' +
  'otherwise the endpoint comes from --region, so check the region and any proxy ' +
  '(HTTPS_PROXY) or firewall between this machine and Alibaba Cloud. --verbose shows the ' +
  'endpoint each call went to.';

export const NETWORK_NOTES: readonly Note[] = [
  network(
    'ECONNREFUSED',
    'The endpoint refused the connection.',
    'Nothing was listening at the endpoint, so the request was never sent and nothing ' +
      'changed. The tool retries refused connections (--retries), but a wrong address keeps ' +
      'refusing. ' + WHERE_TO,
  ),
  network(
    'ECONNRESET',
    'The connection was cut before a response came.',
    'A proxy, a firewall or the network closed the connection in the middle of the call. ' +
      'The request may have reached the service. ' + CHECK_BEFORE_RERUN + ' ' + WHERE_TO,
  ),
  network(
    'ETIMEDOUT',
    'The network gave up on the connection.',
    'Packets to the endpoint went unanswered: a firewall dropping them, no route, or a VPC ' +
      'endpoint used from outside its VPC. ' + WHERE_TO + ' ' + CHECK_BEFORE_RERUN,
  ),
  network(
    'EPIPE',
    'The connection closed while the request was being sent.',
    'The other end stopped reading before the whole request arrived, so the service most ' +
      'likely did not act on it, though that is not certain. ' + CHECK_BEFORE_RERUN + ' ' +
      WHERE_TO,
  ),
  network(
    'ECONNABORTED',
    'The connection was aborted before a response came.',
    'The connection ended early on this machine\'s side or on the way. The request may have ' +
      'reached the service. ' + CHECK_BEFORE_RERUN + ' ' + WHERE_TO,
  ),
  network(
    'UND_ERR_SOCKET',
    'The connection failed underneath the HTTP exchange.',
    'The socket closed or failed in the middle of the exchange. The request may have reached ' +
      'the service. ' + CHECK_BEFORE_RERUN + ' ' + WHERE_TO,
  ),
  network(
    'EHOSTUNREACH',
    'No route leads to the endpoint\'s host.',
    'The network could not deliver anything to the host, so nothing was sent. A VPC ' +
      'endpoint used from outside its VPC, a VPN that is down or a firewall are the usual ' +
      'causes. ' + WHERE_TO,
  ),
  network(
    'ENETUNREACH',
    'This machine has no route to the endpoint\'s network.',
    'Nothing was sent: the machine is offline, or has no route for this address family (an ' +
      'IPv6 address without IPv6 connectivity, for instance). Check the network first. ' +
      WHERE_TO,
  ),
  network(
    'ENOTFOUND',
    'The endpoint\'s host name does not resolve.',
    'DNS knows no such host, so nothing was sent. The regional endpoint is built from ' +
      '--region, so a misspelt region (cn-hangzou for cn-hangzhou) names a host that does not ' +
      'exist; check --region and --endpoint first, then this machine\'s DNS settings.',
  ),
  network(
    'EAI_AGAIN',
    'The DNS lookup of the endpoint failed for now.',
    'The name server did not answer in time, so nothing was sent. The tool retries this by ' +
      'itself; if it keeps happening, check this machine\'s DNS settings and network. ' +
      WHERE_TO,
  ),
  network(
    'Timeout',
    'No response came within --timeout.',
    'The service did not answer within --timeout (10 seconds unless set). For a reset the ' +
      'outcome is unknown: the service may have applied it. ' + CHECK_BEFORE_RERUN + ' A slow ' +
      'network or a busy service may need a longer limit, such as --timeout 30s.',
  ),
  network(
    'UnknownError',
    'The service reported a failure without an error code.',
    'The answer said the call did not succeed but named no code, so nothing more specific can ' +
      'be said; its message, if any, is shown with it. ' + CHECK_BEFORE_RERUN + ' ' +
      ASK_SUPPORT,
    false,
  ),
  notesOf('invalid-input', false)(
    'TLSMismatch',
    'The endpoint does not speak the protocol the URL asked for.',
    'HTTPS was spoken to a server that answers in plain HTTP, or the other way round; nothing ' +
      'reached the API. A local endpoint such as the sandbox speaks plain HTTP: give --endpoint ' +
      'as http://127.0.0.1:PORT. A cloud endpoint speaks HTTPS: give it as a bare host name.',
  ),
  network(
    'InvalidResponse',
    'The answer was not a response this tool can read.',
    'A body that is not the API\'s JSON, or that contradicts itself, usually comes from ' +
      'something other than the ApsaraMQ for Kafka API: a proxy\'s error page, or an ' +
      '--endpoint that points at another service. The error quotes the start of what came ' +
      'back. ' + WHERE_TO + ' If a write got this answer, its outcome is unknown. ' +
      CHECK_BEFORE_RERUN,
    false,
  ),
];
