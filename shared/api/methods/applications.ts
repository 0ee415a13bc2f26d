import { todoInput, todoPage, transitionInput, transitionOutput } from '../../schemas/applications';
import { access } from '../access';
import { methods } from '../method-spec';

export const applicationsMethods = methods({
  'applications.transition': { input: transitionInput, output: transitionOutput, writes: true, allow: access.station },
  'applications.todo': { input: todoInput, output: todoPage, allow: access.station },
});
