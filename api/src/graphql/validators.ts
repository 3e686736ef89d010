import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * A name's length, counted after trimming: `"   "` is empty, not three characters. Registered
 * under class-validator's own `isLength` name and arguments, so the error mapping gives it
 * the same key and parameters (`validation.isLength`, `{ min, max }`). Services store the
 * trimmed value.
 */
export function TrimmedLength(min: number, max: number): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isLength',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const [low, high] = args.constraints as [number, number];
          if (typeof value !== 'string') return false;
          const length = value.trim().length;
          return length >= low && length <= high;
        },
      },
    });
  };
}
