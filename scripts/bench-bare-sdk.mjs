// The baseline of `npm run bench`: the one UpdateConsumerOffset call of `reset --to-earliest`,
// made with the bare SDK and nothing else. Usage: node scripts/bench-bare-sdk.mjs <endpoint url>
import Sdk, { UpdateConsumerOffsetRequest } from '@alicloud/alikafka20190916';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:8089');
const config = new $OpenApiUtil.Config({
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  regionId: 'cn-hangzhou',
  endpoint: url.host,
  protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS',
});
const res = await new Sdk.default(config).updateConsumerOffset(new UpdateConsumerOffsetRequest({
  regionId: 'cn-hangzhou', instanceId: 'alikafka_sandbox-cn-hangzhou', consumerId: 'kafka-test',
  topic: 'topic_name', resetType: 'timestamp', time: '-2',
}));
if (!res.body?.success) throw new Error(`UpdateConsumerOffset failed: ${res.body?.message}`);
