import { todoInput, todoPage, transitionInput, transitionOutput } from '../../schemas/applications';
import { methods } from '../method-spec';

export const applicationsMethods = methods({
  'applications.transition': { input: transitionInput, output: transitionOutput, writes: true, roles: ['station'] },
  'applications.todo': { input: todoInput, output: todoPage, roles: ['station'] },
});
