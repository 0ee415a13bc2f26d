import { z } from 'zod';

// Default zod messages in Simplified Chinese; field schemas still give their own, friendlier ones.
z.config(z.locales.zhCN());

export { z };
