import { Form } from 'antd';
import type { ReactElement } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';

interface FieldProps<T extends FieldValues, N extends FieldPath<T>> {
  control: Control<T>;
  name: N;
  label: string;
  required?: boolean;
  extra?: string;
  render: (field: ControllerRenderProps<T, N> & { id: string; status?: 'error' }) => ReactElement;
}

/** An antd form row bound to react-hook-form: the zod message (or the service's) shows under the field. */
export function Field<T extends FieldValues, N extends FieldPath<T>>({ control, name, label, required, extra, render }: FieldProps<T, N>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div data-field={name}>
          <Form.Item
            label={label}
            htmlFor={`field-${name}`}
            required={required}
            extra={extra}
            validateStatus={fieldState.error ? 'error' : undefined}
            help={fieldState.error?.message}
          >
            {render({ ...field, id: `field-${name}`, status: fieldState.error ? 'error' : undefined })}
          </Form.Item>
        </div>
      )}
    />
  );
}
