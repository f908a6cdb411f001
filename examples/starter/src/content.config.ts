import { trustCenterCollections } from 'astro-trust-center/content';

// Every collection comes from the engine; the files they load live in content/.
export const collections = trustCenterCollections();
