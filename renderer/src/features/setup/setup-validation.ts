import { zodResolver } from '@hookform/resolvers/zod';
import { setupInput } from '../../../../shared/schemas/settings';

/**
 * The setup form's check: the service's own zod schema. A chunk of its own, fetched once the form is painted
 * (zod is not needed to show it) and awaited by the first check if it is not here yet.
 */
export const setupResolver = zodResolver(setupInput);
